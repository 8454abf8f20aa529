/** The search input above a list; the page debounces the value before asking the server. */
export function SearchBox(props: { id: string; label: string; placeholder: string; value: string; onInput: (value: string) => void; testid: string }) {
  return (
    <div class="search">
      <label for={props.id} class="visually-hidden">
        {props.label}
      </label>
      <input
        id={props.id}
        type="search"
        data-testid={props.testid}
        placeholder={props.placeholder}
        value={props.value}
        autocomplete="off"
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
    </div>
  );
}
