/** The library: the list of articles, or an invitation to import the first one. */
export function LibraryView() {
  return (
    <section className="library" aria-labelledby="library-title">
      <h2 id="library-title">Library</h2>
      <div className="empty-state">
        <p className="empty-title">Your library is empty</p>
        <p>Import a text, Markdown or HTML article to start reading and highlighting.</p>
        <button type="button" className="primary">
          Import articles…
        </button>
      </div>
    </section>
  );
}
