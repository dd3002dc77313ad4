import * as migration_20261127_020252_initial from './20261127_020252_initial';

export const migrations = [
  {
    up: migration_20261127_020252_initial.up,
    down: migration_20261127_020252_initial.down,
    name: '20261127_020252_initial'
  },
];
