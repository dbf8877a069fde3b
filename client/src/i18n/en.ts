// English: the reference catalogue. Every other language must have the same keys (checked by types).
// A value is a string with {placeholders}, or plural forms chosen by Intl.PluralRules from {count}.
import { mapMessages } from './mapMessages.js'
import { draftMessages } from './draftMessages.js'
import { workshopMessages } from './workshopMessages.js'
export const en = {
  'app.name': 'Touchpoint',
  'app.tagline': 'A shared board for customer journey mapping workshops',
  'lang.label': 'Language',

  'home.heading': 'Start a journey mapping workshop',
  'home.intro': 'Name the map, check the stages, then share the link with your team.',
  'home.title.label': 'Map name',
  'home.title.placeholder': 'e.g. First-time clients of our marketplace',
  'home.stages.legend': 'Stages, in order',
  'home.stages.hint': 'The five usual stages are filled in. Rename, add or remove any.',
  'home.stage.label': 'Stage {n}',
  'home.stage.remove': 'Remove stage {n}',
  'home.stage.add': 'Add a stage',
  'home.create': 'Create the board',
  'home.creating': 'Creating…',
  'home.error': 'The board could not be created: {message}',
  'home.error.network': 'the server cannot be reached. Check your connection and try again.',

  'created.heading': 'Your board is ready',
  'created.participant.label': 'Link for participants',
  'created.participant.hint': 'Share it with everyone in the workshop.',
  'created.facilitator.label': 'Your facilitator link',
  'created.facilitator.hint': 'Keep it to yourself: it lets you change the stages.',
  'created.open': 'Open the board',
  'copy.participant': 'Copy participant link',
  'copy.facilitator': 'Copy facilitator link',
  'copy.button': 'Copy',
  'copy.done': 'Copied',

  'join.heading': 'Join the board',
  'join.label': 'Your name',
  'join.hint': 'Others see it in the list of people and next to your pointer.',
  'join.submit': 'Join',

  'board.loading': 'Opening the board…',
  'board.waiting': 'Waiting for the server to send the board…',
  'board.notFound.heading': 'Board not found',
  'board.notFound.body': 'The link may be mistyped, or the board no longer exists.',
  'board.notFound.home': 'Start a new board',
  'board.untitled': 'Untitled map',
  'board.region': 'Journey stages',
  'board.share': 'Share',
  'board.shareHeading': 'Invite people',
  'board.close': 'Close',

  'status.label': 'Connection',
  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline: changes are kept on this device',
  'status.tooLarge': 'Not sent: what you wrote offline is too much for the board to take at once. All of it is kept on this device.',

  'role.facilitator': 'Facilitator',
  'role.participant': 'Participant',

  'people.heading': 'People',
  'people.count': { one: '{count} person here', other: '{count} people here' },
  'people.you': '{name} (you)',
  'people.kept': '{count} kept for later',
  'people.anonymous': 'Guest',

  'stage.name.label': 'Name of stage {n}',
  'stage.moveEarlier': 'Move stage “{name}” earlier',
  'stage.moveLater': 'Move stage “{name}” later',
  'stage.remove': 'Remove stage “{name}”',
  'stage.add': 'Add a stage',
  'stage.newName': 'New stage',
  'stage.notes': { one: '{count} note', other: '{count} notes' },
  'stage.removeConfirm': 'Remove the stage “{name}”?',
  'stage.removeConfirm.body': {
    one: 'Its {count} note will be deleted too.',
    other: 'Its {count} notes will be deleted too.',
  },
  'confirm.remove': 'Remove',
  'confirm.cancel': 'Cancel',

  'kind.action': 'Action',
  'kind.touchpoint': 'Touchpoint',
  'kind.question': 'Question',
  'kind.feeling': 'Feeling',
  'kind.pain': 'Pain point',
  'kind.idea': 'Idea',

  'composer.label': 'New note in {stage}',
  'composer.placeholder': 'Add a note…',
  'composer.kind': 'Kind of note',
  'composer.add': 'Add note',
  'composer.hint': 'Enter adds the note, Shift+Enter starts a new line.',

  'note.label': '{kind}: {text}',
  'note.empty': 'empty note',
  'note.editor': 'Text of the {kind} note',
  'note.delete': 'Delete note',
  'note.mine': 'yours',
  'note.typing': { one: '{names} is typing…', other: '{names} are typing…' },

  'announce.added': 'Note added to {stage}.',
  'announce.moved': 'Moved to {stage}, position {position} of {count}.',
  'announce.notMoved': 'The note is already at the edge.',
  'announce.deleted': 'Note deleted.',
  'announce.stageMoved': 'Stage {name} is now number {position}.',
  'announce.stageRemoved': 'Stage {name} removed.',

  'shortcuts.heading': 'Keyboard shortcuts',
  'shortcuts.edit': 'Enter: edit the focused note; Escape: stop editing',
  'shortcuts.moveStage': 'Alt + Left/Right arrow: move the note to the neighbouring stage',
  'shortcuts.moveWithin': 'Alt + Up/Down arrow: move the note up or down in its stage',
  'shortcuts.delete': 'Delete: delete your own note',
  'shortcuts.drag': 'With a mouse or finger, drag a note by its handle to move it.',
  'note.drag': 'Drag to move',
  ...workshopMessages.en,
  ...draftMessages.en,
  ...mapMessages.en,
} as const

export type MessageKey = keyof typeof en
export type Message = string | { one?: string; two?: string; few?: string; many?: string; zero?: string; other: string }
export type Messages = Record<MessageKey, Message>
