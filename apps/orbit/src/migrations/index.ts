import * as migration_20261127_025518_initial from './20261127_025518_initial';
import * as migration_20261127_061020_membership_email from './20261127_061020_membership_email';

export const migrations = [
  {
    up: migration_20261127_025518_initial.up,
    down: migration_20261127_025518_initial.down,
    name: '20261127_025518_initial',
  },
  {
    up: migration_20261127_061020_membership_email.up,
    down: migration_20261127_061020_membership_email.down,
    name: '20261127_061020_membership_email'
  },
];
