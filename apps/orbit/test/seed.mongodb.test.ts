// MongoDB wire protocol, served by FerretDB (packages/testing starts it; setup.sh builds it).
import { seedSuite } from './support/seed-suite.js'

seedSuite('mongodb')
