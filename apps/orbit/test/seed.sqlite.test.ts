import { seedSuite } from './support/seed-suite.js'

seedSuite('sqlite')
