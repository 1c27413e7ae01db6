/**
 * Demo people: name pools by country of origin, weighted roughly like 2023-2024 appointment
 * holders at the southern border (Venezuela, Mexico, Haiti and Honduras first, then Cuba,
 * Guatemala, Colombia, El Salvador, Ecuador, and smaller numbers from further away).
 * The names are ordinary and invented in combination; they are not real people.
 */
import type { Rng } from './random';

export interface DemoPerson {
  familyName: string;
  givenName: string;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  /** ISO 639-1 code of the language the person is most at ease in. */
  language: string;
  documentNumber: string | null;
}

type Gendered = { f: readonly string[]; m: readonly string[] };

interface Origin {
  nationality: string;
  weight: number;
  languages: readonly (readonly [string, number])[];
  given: Gendered;
  /** Builds the family name; gender matters for Russian and Mauritanian names. */
  family: (r: Rng, female: boolean) => string;
  /** Share of people who carry a passport-like document. */
  documentShare: number;
  /** Shape only (A = letter, 9 = digit), not a real national format. */
  documentShape: string;
}

// Surnames common across Spanish-speaking Latin America, including particle surnames.
const HISPANIC_SURNAMES = [
  'García', 'Hernández', 'López', 'Martínez', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez',
  'Flores', 'Cruz', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Jiménez', 'Ruiz', 'Álvarez', 'Castillo',
  'Romero', 'Mendoza', 'Vásquez', 'Castro', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Herrera', 'Medina',
  'Aguilar', 'Vargas', 'Rojas', 'Guzmán', 'Muñoz', 'Peña', 'Núñez', 'Ibáñez', 'Ordóñez', 'Domínguez',
  'Suárez', 'Velásquez', 'Zúñiga', 'Benítez', 'Mejía', 'Sandoval', 'Escobar', 'Cabrera', 'Bermúdez',
  'Ávila', 'Carrasco', 'Fuentes', 'Salazar', 'Navarro', 'Montaño', 'Villalobos', 'Acuña', 'Cárdenas',
  'de la Cruz', 'de León', 'del Valle', 'de los Santos', 'de Jesús',
] as const;

const HISPANIC_GIVEN: Gendered = {
  f: ['María', 'María José', 'Ana María', 'Rosa', 'Guadalupe', 'Carmen', 'Sofía', 'Valentina', 'Camila',
    'Daniela', 'Gabriela', 'Andrea', 'Lucía', 'Isabel', 'Yesenia', 'Marisol', 'Esperanza', 'Inés', 'Belén',
    'Mónica', 'Verónica', 'Jimena', 'Ximena', 'Noemí', 'Raquel'],
  m: ['José', 'Juan Carlos', 'Luis', 'Carlos', 'Jorge', 'Miguel Ángel', 'Jesús', 'Francisco', 'Pedro',
    'Andrés', 'Óscar', 'Héctor', 'Julián', 'Sebastián', 'Martín', 'Raúl', 'Ramón', 'Iván', 'Adrián',
    'Fernando', 'Nicolás', 'Tomás', 'Joaquín', 'Rubén', 'Efraín'],
};

function withGiven(extra: Gendered): Gendered {
  return { f: [...HISPANIC_GIVEN.f, ...extra.f], m: [...HISPANIC_GIVEN.m, ...extra.m] };
}

/** Two family names, paternal then maternal ("García Hernández"); now and then only one. */
function hispanicFamily(local: readonly string[]) {
  const pool = [...HISPANIC_SURNAMES, ...local, ...local]; // local names twice: commoner there
  return (r: Rng): string => {
    const first = r.pick(pool);
    if (r.chance(0.1)) return first;
    let second = r.pick(pool);
    while (second === first) second = r.pick(pool);
    return `${first} ${second}`;
  };
}

const ES: readonly (readonly [string, number])[] = [['es', 1]];

function hispanic(nationality: string, weight: number, given: Gendered, surnames: readonly string[], shape: string, docs = 0.2): Origin {
  return {
    nationality,
    weight,
    languages: ES,
    given: withGiven(given),
    family: hispanicFamily(surnames),
    documentShare: docs,
    documentShape: shape,
  };
}

function simpleFamily(pool: readonly string[]) {
  return (r: Rng): string => r.pick(pool);
}

const ORIGINS: readonly Origin[] = [
  hispanic('VE', 19, {
    f: ['Yusleidy', 'Oriana', 'Yorgelis', 'Marielba', 'Génesis', 'Dayana', 'Yenifer', 'Maryelis'],
    m: ['Jhonny', 'Yorman', 'Wuilmer', 'Jesús Alberto', 'Yeferson', 'Deivis', 'Keiner', 'Eudis'],
  }, ['Briceño', 'Colmenares', 'Rangel', 'Parra', 'Villegas', 'Montilla', 'Mujica', 'Pacheco', 'Urdaneta'], '999999999', 0.3),
  hispanic('MX', 18, {
    f: ['Guadalupe', 'Itzel', 'Xóchitl', 'Maricruz', 'Alejandra', 'Brenda', 'Citlali', 'Araceli'],
    m: ['Juan Pablo', 'Eduardo', 'Alejandro', 'Gerardo', 'Ulises', 'Cuauhtémoc', 'Rogelio', 'Jacinto'],
  }, ['Hernández', 'Martínez', 'Gallegos', 'Trujillo', 'Zamora', 'Barrera', 'Nava', 'Solís', 'Espinoza'], 'A99999999', 0.15),
  {
    nationality: 'HT',
    weight: 13,
    languages: [['ht', 85], ['fr', 15]],
    given: {
      f: ['Marie-Ange', 'Guerline', 'Nadège', 'Rose-Marie', 'Wideline', 'Fabiola', 'Mirlande', 'Nathalie',
        'Loudine', 'Sherline', 'Marie-Carmel', 'Jeanine', 'Roseline', 'Fedna'],
      m: ['Dieunel', 'Jean Robert', 'Wilner', 'Frantz', 'Wisly', 'Jean-Claude', 'Dieudonné', 'Mackenson',
        'Peterson', 'Widmarc', 'Lovensky', 'Fritznel', 'Jean-Marc', 'Ernso'],
    },
    family: simpleFamily(['Jean-Baptiste', 'Pierre', 'Louissaint', 'Joseph', 'Saint-Fleur', 'Dorvil', 'Charles',
      'Jean-Louis', 'Désir', 'Exantus', 'Bien-Aimé', 'Étienne', 'Augustin', 'Lafortune', 'Toussaint', 'Célestin',
      'Mérisier', 'Noël', 'Saint-Louis', 'Valcourt', 'Jean-Pierre', 'Métellus']),
    documentShare: 0.3,
    documentShape: 'AA9999999',
  },
  hispanic('HN', 10, {
    f: ['Wendy', 'Dunia', 'Karla', 'Lesly', 'Yadira', 'Nohemy'],
    m: ['Kevin', 'Marvin', 'Elvin', 'Wilmer', 'Santos', 'Denis'],
  }, ['Zelaya', 'Maradiaga', 'Banegas', 'Matute', 'Osorto', 'Lanza'], 'A999999'),
  hispanic('CU', 8, {
    f: ['Yanelis', 'Yusimí', 'Dayamí', 'Yaritza', 'Odalys', 'Mailén'],
    m: ['Yusnier', 'Yoandry', 'Yasmany', 'Osniel', 'Reinier', 'Alexei'],
  }, ['Despaigne', 'Valdés', 'Fonseca', 'Echevarría', 'Lorenzo', 'Betancourt', 'Quiñones'], 'A999999', 0.35),
  hispanic('GT', 6, {
    f: ['Sucely', 'Ingrid', 'Glenda', 'Heidy', 'Marta Julia', 'Sheily'],
    m: ['Elvin', 'Byron', 'Edwin', 'Selvin', 'Wálter', 'Otoniel'],
  }, ['Xicará', 'Ajú', 'Tzoc', 'Cux', 'Ixcoy', 'Coc', 'Choc', 'Pop', 'Tzul', 'Son'], '999999999'),
  hispanic('CO', 6, {
    f: ['Leidy', 'Yuliana', 'Lorena', 'Paola', 'Natalia', 'Dayanna'],
    m: ['Yeison', 'Brayan', 'Jhon Jairo', 'Duván', 'Camilo', 'Harold'],
  }, ['Restrepo', 'Ospina', 'Cardona', 'Quintero', 'Valencia', 'Londoño', 'Giraldo', 'Arango'], 'AA999999', 0.35),
  hispanic('SV', 4, {
    f: ['Roxana', 'Yesica', 'Krissia', 'Damaris'],
    m: ['Ever', 'Jeyson', 'Nelson', 'Mauricio'],
  }, ['Portillo', 'Argueta', 'Alvarenga', 'Ayala', 'Rivas', 'Menjívar'], 'A99999999'),
  hispanic('EC', 4, {
    f: ['Mayra', 'Jessenia', 'Dolores', 'Pamela'],
    m: ['Segundo', 'Jhonatan', 'Byron', 'Wilson'],
  }, ['Guamán', 'Chiluisa', 'Tenesaca', 'Zambrano', 'Cevallos', 'Quishpe', 'Loor'], 'A9999999'),
  hispanic('PE', 2, {
    f: ['Rocío', 'Milagros', 'Yovana', 'Flor de María'],
    m: ['Wilfredo', 'Percy', 'Edson', 'Ytalo'],
  }, ['Quispe', 'Mamani', 'Huamán', 'Condori', 'Ccahuana', 'Chambi'], '999999999'),
  hispanic('NI', 2, {
    f: ['Scarleth', 'Heydi', 'Francis', 'Meyling'],
    m: ['Bayardo', 'Yáder', 'Norwing', 'Lenín'],
  }, ['Picado', 'Obando', 'Somarriba', 'Téllez', 'Chamorro', 'Arguello'], 'A99999999'),
  {
    nationality: 'BR',
    weight: 1.2,
    languages: [['pt', 1]],
    given: {
      f: ['Ana Clara', 'Maria Eduarda', 'Júlia', 'Letícia', 'Beatriz', 'Conceição', 'Luíza', 'Thaís'],
      m: ['João Pedro', 'Luís', 'Caio', 'Thiago', 'Antônio', 'Sebastião', 'Gustavo', 'Vinícius'],
    },
    family: (r) => {
      const pool = ['da Silva', 'dos Santos', 'Oliveira', 'Souza', 'Conceição', 'Gonçalves', 'Araújo', 'Magalhães',
        'Assunção', 'Simões', 'Brandão', 'Figueiredo', 'Pereira', 'Ferreira'];
      const a = r.pick(pool);
      const b = r.pick(pool);
      return a === b ? a : `${a} ${b}`;
    },
    documentShare: 0.5,
    documentShape: 'AA999999',
  },
  {
    nationality: 'RU',
    weight: 1.5,
    languages: [['ru', 1]],
    given: {
      f: ['Yekaterina', 'Anastasiya', 'Olga', 'Yuliya', 'Darya', 'Natalya', 'Kseniya', 'Svetlana'],
      m: ['Aleksandr', 'Dmitriy', 'Sergey', 'Maksim', 'Artyom', 'Ilya', 'Nikolay', 'Yevgeniy'],
    },
    // Russian family names agree with gender: Ivanov / Ivanova.
    family: (r, female) => {
      const stem = r.pick(['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Volkov', 'Morozov', 'Lebedev',
        'Kozlov', 'Novikov', 'Fyodorov', 'Orlov', 'Belyaev', 'Zaytsev']);
      return female ? `${stem}a` : stem;
    },
    documentShare: 0.7,
    documentShape: '999999999',
  },
  {
    nationality: 'CN',
    weight: 1.2,
    languages: [['zh', 1]],
    given: {
      f: ['Xiuying', 'Fang', 'Li', 'Na', 'Yan', 'Jing', 'Min', 'Xiaomei', 'Lan', 'Hong'],
      m: ['Wei', 'Jun', 'Hao', 'Jianguo', 'Zhiqiang', 'Yong', 'Lei', 'Tao', 'Jie', 'Qiang', 'Chao'],
    },
    family: simpleFamily(['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun',
      'Ma', 'Zhu', 'Hu', 'Guo', 'Lin', 'He']),
    documentShare: 0.6,
    documentShape: 'A99999999',
  },
  {
    nationality: 'TR',
    weight: 0.8,
    languages: [['tr', 1]],
    given: {
      f: ['Ayşe', 'Fatma', 'Gülşen', 'Özlem', 'Şeyma', 'Büşra', 'Elif', 'Hülya', 'Sevgi', 'Çiğdem'],
      m: ['Mehmet', 'Mustafa', 'Ahmet', 'Hüseyin', 'İbrahim', 'Çağrı', 'Oğuz', 'Barış', 'Ümit', 'Şükrü'],
    },
    family: simpleFamily(['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Özdemir',
      'Arslan', 'Doğan', 'Kılıç', 'Çetin', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Güneş']),
    documentShare: 0.6,
    documentShape: 'A99999999',
  },
  {
    nationality: 'AF',
    weight: 0.4,
    languages: [['fa', 1]],
    given: {
      f: ['Zahra', 'Maryam', 'Fatima', 'Shabnam', 'Nargis', 'Parwana'],
      m: ['Ahmad', 'Mohammad', 'Abdul Rahim', 'Farid', 'Hamid', 'Naveed', 'Sayed'],
    },
    family: simpleFamily(['Ahmadi', 'Rahimi', 'Hakimi', 'Karimi', 'Noori', 'Sultani', 'Hussaini', 'Mohammadi', 'Safi', 'Popal']),
    documentShare: 0.4,
    documentShape: 'A9999999',
  },
  {
    nationality: 'IN',
    weight: 0.5,
    languages: [['hi', 80], ['en', 20]],
    given: {
      f: ['Simran', 'Kiran', 'Navdeep', 'Priya', 'Pooja', 'Harleen'],
      m: ['Gurpreet', 'Harpreet', 'Jaspreet', 'Manpreet', 'Amit', 'Rahul', 'Sandeep', 'Vikram'],
    },
    family: simpleFamily(['Singh', 'Kaur', 'Patel', 'Sharma', 'Sidhu', 'Gill', 'Sandhu', 'Dhillon', 'Kumar']),
    documentShare: 0.6,
    documentShape: 'A9999999',
  },
  {
    nationality: 'MR',
    weight: 0.4,
    languages: [['ar', 50], ['fr', 30], ['wo', 20]],
    given: {
      f: ['Mariem', 'Aminetou', 'Fatimetou', 'Khadijetou', 'Aïssata', 'Houleye'],
      m: ['Mohamed', 'Sidi', 'Ahmedou', 'Cheikh', 'Mohamed Lemine', 'Abdallahi', 'Oumar', 'Mamadou'],
    },
    // Moorish names take Ould (son of) / Mint (daughter of); Afro-Mauritanian names do not.
    family: (r, female) =>
      r.chance(0.5)
        ? `${female ? 'Mint' : 'Ould'} ${r.pick(['Ahmed', 'Sidi', 'Cheikh', 'Mohamed', 'Abdallahi', 'Brahim'])}`
        : r.pick(['Ba', 'Sy', 'Diallo', 'Kane', 'Sow', 'Dia', 'Wane']),
    documentShare: 0.4,
    documentShape: 'A9999999',
  },
  {
    nationality: 'SN',
    weight: 0.3,
    languages: [['wo', 70], ['fr', 30]],
    given: {
      f: ['Awa', 'Fatou', 'Aminata', 'Ndèye', 'Coumba', 'Aïssatou', 'Mariama'],
      m: ['Mamadou', 'Ousmane', 'Cheikh', 'Moussa', 'Abdoulaye', 'Ibrahima', 'Babacar'],
    },
    family: simpleFamily(['Diop', 'Ndiaye', 'Fall', 'Sarr', 'Faye', 'Gueye', 'Mbaye', 'Sow', 'Diallo', 'Ndour', 'Seck']),
    documentShare: 0.5,
    documentShape: 'A99999999',
  },
  {
    nationality: 'GH',
    weight: 0.2,
    languages: [['en', 1]],
    given: {
      f: ['Ama', 'Akosua', 'Abena', 'Efua', 'Adwoa', 'Gifty'],
      m: ['Kwame', 'Kofi', 'Kwabena', 'Yaw', 'Emmanuel', 'Prince'],
    },
    family: simpleFamily(['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei', 'Appiah', 'Agyeman']),
    documentShare: 0.6,
    documentShape: 'A9999999',
  },
];

const ORIGIN_WEIGHTS: readonly (readonly [Origin, number])[] = ORIGINS.map((o) => [o, o.weight] as const);
const LETTERS = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];

function documentNumber(r: Rng, shape: string): string {
  let out = '';
  for (const ch of shape) out += ch === '9' ? String(r.int(0, 9)) : r.pick(LETTERS);
  return out;
}

/** The lead person of an appointment (the one named on it). */
export function drawPerson(r: Rng): DemoPerson {
  const origin = r.weighted(ORIGIN_WEIGHTS);
  const female = r.chance(0.45);
  const givenName = r.pick(female ? origin.given.f : origin.given.m);
  const familyName = origin.family(r, female);
  const language = r.weighted(origin.languages);
  const documentNumberValue = r.chance(origin.documentShare) ? documentNumber(r, origin.documentShape) : null;
  return { familyName, givenName, nationality: origin.nationality, language, documentNumber: documentNumberValue };
}

/** For tests and documentation: every nationality the seed can produce. */
