export * from './enums';
export * from './ports';
export * from './users';
export * from './appointments';
export * from './outcomes';
export * from './capacity';
export * from './audit';
export * from './intake';
