import * as migration_20261127_025518_initial from './20261127_025518_initial';

export const migrations = [
  {
    up: migration_20261127_025518_initial.up,
    down: migration_20261127_025518_initial.down,
    name: '20261127_025518_initial'
  },
];
