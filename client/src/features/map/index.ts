// The draft journey map and its exports.
export { BoardViews } from './BoardViews.js'
export { importBoardJson } from './exportApi.js'
