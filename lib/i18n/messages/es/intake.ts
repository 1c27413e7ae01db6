import type { Messages } from '../en';

export const intake: Messages['intake'] = {
  importTitle: 'Importar una lista',
  importIntro: 'Suba la lista del sistema de citas en CSV (UTF-8) o JSON. Primero se revisan todas las filas: si alguna tiene un problema, no se importa nada y se muestra cada problema.',
  fileLabel: 'Archivo de la lista',
  fileHint: 'CSV con el encabezado port,confirmation_code,scheduled_at,party_size,family_name,given_name,date_of_birth,nationality,language,document_number; máximo 5 MB y 20.000 filas.',
  upload: 'Subir e importar',
  uploading: 'Subiendo… {percent}%',
  processing: 'Revisando e importando…',
  done: 'Se importaron {imported} citas; {unchanged} ya estaban al día.',
  failed: 'No se importó nada.',
  reportTitle: 'Problemas encontrados',
  row: 'Fila',
  column: 'Columna',
  problem: 'Problema',
  wholeFile: 'todo el archivo',
  noFile: 'Primero elija un archivo.',
  networkError: 'La subida falló. Revise la conexión e inténtelo de nuevo.',
};
