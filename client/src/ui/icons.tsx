// Small line icons for the workshop controls (emoji depend on fonts a workshop laptop may lack).
import './icons.css'
const props = { viewBox: '0 0 24 24', 'aria-hidden': true, class: 'ws-icon' } as const

export const BellIcon = (p: { off?: boolean }) => (
  <svg {...props}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16zM10 20.5a2 2 0 0 0 4 0" />
    {p.off && <path d="M4 4l16 16" />}
  </svg>
)

export const GroupIcon = () => (
  <svg {...props}>
    <rect x="3" y="7" width="11" height="11" rx="2" />
    <path d="M8 7V5a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-5" />
  </svg>
)

export const LockIcon = (p: { open?: boolean }) => (
  <svg {...props}>
    <rect x="5" y="11" width="14" height="9" rx="2" />
    <path d={p.open ? 'M8 11V8a4 4 0 0 1 7.5-2' : 'M8 11V8a4 4 0 0 1 8 0v3'} />
  </svg>
)
