// The start page: make a board, import one.
export { HomePage } from './HomePage.js'
