// A native modal <dialog>: focus is trapped and restored by the browser, Escape is handled once here.
import { onCleanup, onMount, type JSX } from 'solid-js'

export function Modal(props: {
  labelledBy: string
  /** Called on Escape; leave it out for dialogs that must be answered. */
  onCancel?: () => void
  class?: string
  children: JSX.Element
}) {
  let dialog!: HTMLDialogElement
  onMount(() => dialog.showModal())
  onCleanup(() => dialog.open && dialog.close())
  return (
    <dialog
      ref={dialog}
      class={`modal ${props.class ?? ''}`}
      aria-labelledby={props.labelledBy}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel?.()
      }}
    >
      {props.children}
    </dialog>
  )
}
