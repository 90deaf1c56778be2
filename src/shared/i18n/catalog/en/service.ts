/** English: errors by code, the command line, and the words of Markdown export. */
export const service = {
  errors: {
    'invalid-argument': 'That value is not valid.',
    'unknown-method': 'Gloss does not know this request.',
    'not-found': 'It is no longer in the library.',
    conflict: 'It changed elsewhere meanwhile; try again.',
    unsupported: 'Gloss cannot read this.',
    'too-large': 'It is too large for Gloss.',
    'too-complex': 'It is too complex for Gloss.',
    io: 'The file could not be read or written.',
    'disk-full': 'The disk is full: nothing was saved.',
    damaged: 'The library’s data is damaged.',
    locked: 'Another Gloss is using this library.',
    'newer-schema': 'This library was written by a newer Gloss.',
    unauthorized: 'This page can no longer reach Gloss.',
    forbidden: 'Gloss refused this request.',
    internal: 'Something went wrong inside Gloss.',
    aboutFile: '“{{file}}”: {{reason}}',
    pdfPasswordNeeded: '“{{file}}” is password-protected: give its password to import it.',
    pdfPasswordWrong: '“{{file}}”: that password does not open it.',
    folderInBrowser:
      'A browser cannot choose a folder for Gloss. Run gloss export --watch --out DIR once: Gloss keeps DIR current from then on.',
  },
  notices: {
    imported: 'Imported “{{title}}”.',
    duplicate: '“{{name}}” is already in the library as “{{title}}”; nothing was added.',
    reimportedSame: '“{{title}}” was re-imported; its text had not changed.',
    changedOnDisk: '“{{title}}” changed on disk; its text was updated.',
    reanchored:
      '“{{title}}” changed on disk: {{placed, number}} of {{total, number}} highlights placed.$t(notices.reanchoredMoved, {"count": {{moved}} })$t(notices.reanchoredFuzzy, {"count": {{fuzzy}} })$t(notices.reanchoredOrphaned, {"count": {{orphaned}} })',
    reanchoredMoved_zero: '',
    reanchoredMoved_one: ' {{count, number}} moved with its text.',
    reanchoredMoved_other: ' {{count, number}} moved with their text.',
    reanchoredFuzzy_zero: '',
    reanchoredFuzzy_one: ' {{count, number}} matched approximately.',
    reanchoredFuzzy_other: ' {{count, number}} matched approximately.',
    reanchoredOrphaned_zero: '',
    reanchoredOrphaned_one: ' {{count, number}} could not be placed and is listed in the notes panel.',
    reanchoredOrphaned_other: ' {{count, number}} could not be placed and are listed in the notes panel.',
    changedUnreadable:
      '“{{title}}” changed on disk but could not be read ({{detail}}); Gloss keeps the text it had.',
    invalidBytes_one: '{{count, number}} byte of “{{name}}” is not valid UTF-8 and shows as �.',
    invalidBytes_other: '{{count, number}} bytes of “{{name}}” are not valid UTF-8 and show as �.',
    noTextLayer: 'It has no text layer (a scanned document?): text highlights, find and search need text.',
    highlightsImported:
      '“{{name}}” ({{format}}): {{anchored, number}} highlights anchored in articles of the library, {{highlightsOnly, number}} kept as highlights only, {{duplicates, number}} skipped as duplicates, {{notes, number}} notes added to article notes, {{ignored, number}} ignored (bookmarks, replies or empty entries).',
    missingRestored:
      '{{What}} ({{file}}) was missing. Gloss restored it from the backup {{backup}}; changes made after that backup may be lost.',
    missingLost:
      '{{What}} ({{file}}) was missing and none of its backups in {{dir}} is valid. $t(notices.lost.{{lost}})',
    damagedRestored:
      'Gloss found {{what}} damaged ({{detail}}) and moved it to {{aside}}. It restored the backup {{backup}}; changes made after that backup may be lost.',
    damagedLost:
      'Gloss found {{what}} damaged ({{detail}}) and moved it to {{aside}}. $t(notices.lost.{{lost}})',
    lost: {
      index:
        'No valid backup was found, so Gloss rebuilds the article list from what the library holds (highlights and notes in .gloss/annotations, cached texts, the copies in articles/).',
      content: 'It can be rebuilt from the article’s source file.',
      highlights: 'No valid backup was found, so that article starts without highlights or note.',
    },
    backupUnverified:
      'Gloss could not verify a fresh backup of {{what}} at {{file}}; it kept the older backups.',
    backupFailed: 'Gloss saved {{what}} but could not back it up in {{dir}}: {{detail}}.',
    journalUnreadable:
      'Gloss could not read {{count, number}} of the recent changes to {{what}} ({{file}}). It kept every change it could read and saved a copy of that file as {{aside}}.',
    journalUnreadableKept:
      'Gloss could not read {{count, number}} of the recent changes to {{what}} ({{file}}) and could not copy that file aside ({{detail}}); it left the file as it is.',
    saveRetrying: '{{failure}} Every change is still safe in {{journal}}; Gloss will try again a few times.',
    readBackFailed:
      '{{failure}} Gloss could not read {{file}} back either ({{detail}}); reopen the library before making more changes.',
    otherProcess:
      'Another Gloss process changed {{what}} ({{file}}) while this one was not looking (for example while the computer slept). Gloss kept the changes of both.',
    lockLost:
      'Another process took over the library {{library}}. Gloss stopped saving to it so as not to overwrite that process’s changes; restart Gloss to continue.',
    debrisMoved_one:
      'Gloss found {{count, number}} file left behind by interrupted saves or imports (no article uses them) and moved them to {{target}}. Nothing was deleted; remove that folder once you have checked it.',
    debrisMoved_other:
      'Gloss found {{count, number}} files left behind by interrupted saves or imports (no article uses them) and moved them to {{target}}. Nothing was deleted; remove that folder once you have checked it.',
    recordedUnreadable: 'Gloss could not read the messages left in {{folder}}: {{detail}}',
    rebuilt:
      'The library index ({{file}}) and all its backups were missing or damaged, so Gloss rebuilt it from the files in the library: {{articles, number}} articles with their {{highlights, number}} highlights and notes came back, and {{added, number}} other files in articles/ became new articles. What only the index held could not be recovered: titles, authors and dates you edited are back to those read from each file, article tags and reading positions are gone, settings are back to their defaults, and articles deleted in the last session may have come back.',
    rebuiltCopies:
      'The copies of {{count, number}} articles were missing; their text was saved as {{files}}.',
    rebuiltTextless:
      '{{count, number}} highlights of {{articles, number}} articles whose text and copy are both gone could not be shown; they stay in {{folder}} ({{files}}).',
    rebuiltUnreadable: 'These files could not be read and were left as they are: {{files}}.',
    tidyFailed: 'Gloss could not tidy up {{library}}: {{detail}}',
    otherIndexUnreadable:
      'Gloss could not read the library index another computer wrote in {{folder}} ({{detail}}); it left it as it is and will read it again when it changes.',
    otherHighlightsUnreadable:
      'Gloss could not read the highlights of {{article}} another computer wrote in {{folder}} ({{detail}}); it will read them again when they change.',
    othersUnreadable: 'Gloss could not read what other computers wrote: {{detail}}',
    othersHighlightsUnreadable:
      'Gloss could not read highlights another computer wrote in {{folder}}: {{detail}}',
    conflictUnmerged: 'Gloss could not merge the conflict copy {{file}}: {{detail}}; it left it there.',
    conflictsMerged_one:
      'The sync tool had made {{count, number}} conflict copy of Gloss’s files. Gloss merged it record by record (nothing was lost) and moved it to {{aside}}.',
    conflictsMerged_other:
      'The sync tool had made {{count, number}} conflict copies of Gloss’s files. Gloss merged them record by record (nothing was lost) and moved them to {{aside}}.',
    articleNoteVersions:
      'The note of “{{title}}” was edited on two computers at once. Gloss kept both versions in the note, one after the other; edit it to keep what you want.',
    highlightNoteVersions:
      'A highlight’s note in “{{title}}” was edited on two computers at once. Gloss kept both versions in the note, one after the other; edit it to keep what you want.',
    exportFolderBack: 'The export folder {{folder}} is up to date again.',
    exportFolderFailed:
      'Gloss could not update the export folder {{folder}}: {{detail}} It will try again in {{seconds, number}} seconds and after the next change.',
  },
  undo: {
    undid: 'Undid: {{what}}',
    redid: 'Redid: {{what}}',
    highlightAdded: 'highlight {{quote}} added',
    highlightDeleted: 'highlight {{quote}} deleted',
    highlightEdited: 'highlight {{quote}} edited',
    highlightRecoloured: 'highlight {{quote}} recoloured',
    noteEdited: 'note on {{quote}} edited',
    tagsChanged: 'tags of {{quote}} changed',
    tagMerged: 'tag “{{from}}” merged into “{{to}}”',
    tagRenamed: 'tag “{{from}}” renamed to “{{to}}”',
    tagDeleted: 'tag “{{name}}” deleted',
  },
  cliHelp: {
    title: 'gloss — read and annotate local articles, offline',
    usage: 'Usage: gloss [--library DIR] [--json] <command> [arguments]',
    commands: 'Commands:',
    options: 'Options (every command):',
    help: 'Show this help',
    library: 'Library folder (default: GLOSS_LIBRARY, else the app-data folder)',
    json: 'Machine-readable output',
    version: 'Print the version',
    badArguments: '{{message}}\nRun "gloss --help" for usage.',
    unknownCommand: 'unknown command "{{name}}". Run "gloss --help" for the list.',
    search: 'Search titles, text, highlights, notes and tags',
    open: 'Resolve a gloss:// link (article, highlight, position) and print where it leads',
    serve: 'Serve the app on 127.0.0.1 (the same port as last time) and print the address to open',
    highlight: 'Highlight a quote',
    annotations: 'List an article’s highlights with their notes and tags',
    note: 'Set the note of an article or a highlight ("" clears it)',
    tag: 'Add or remove tags of an article or a highlight',
    export: 'Export notes; export --watch --out DIR keeps DIR current',
    'import-annotations':
      'Import annotations from a Web Annotation JSON file (as export writes it), or another reader’s highlights',
    import:
      'Import files (articles, or other readers’ highlights); "-" reads standard input; a password-protected PDF is opened with PW, or asks for it on a terminal',
    list: 'List the articles in the library',
    show: 'Show an article’s metadata and text',
    rm: 'Delete an article and its highlights',
    'sync-status': 'Show the computers keeping this library (synced folder) and when each last wrote',
  },
  cli: {
    error: 'gloss: {{message}}',
    empty: 'The library is empty.',
    listLine_one: '{{id}}  {{title}}{{byline}}  ({{count, number}} highlight)',
    listLine_other: '{{id}}  {{title}}{{byline}}  ({{count, number}} highlights)',
    importStep: '[{{at, number}}/{{total, number}}] {{message}}',
    importFailed: '{{failed, number}} of {{total, number}} files could not be imported.',
    importNone: 'Name at least one file to import.',
    passwordAsk: 'Password for “{{file}}”: ',
    passwordAgain: 'That password does not open “{{file}}”. Password: ',
    passwordNoTerminal:
      '“{{file}}” is password-protected: give its password with --password (standard input is not a terminal to ask for it).',
    deleted: 'Deleted “{{title}}”.',
    showTitle: 'Title:',
    showAuthor: 'Author:',
    showPublished: 'Published:',
    showFile: 'File:',
    showWords: 'Words:',
    showTags: 'Tags:',
    showPages: 'Pages:',
    exported_one: 'Exported {{count, number}} file to {{target}}',
    exported_other: 'Exported {{count, number}} files to {{target}}',
    noMatches: 'No matches for {{query}}.',
    hits_one: '{{count, number}} hit',
    hits_other: '{{count, number}} hits',
    articles_one: '{{count, number}} article',
    articles_other: '{{count, number}} articles',
    searchTotal: '{{hits}} in all; {{articles}} shown ({{ms, number}} ms)',
    more: '… {{count, number}} more',
    noteExtra: 'note: {{note}}',
    notPlaced: ' (not placed)',
    highlighted: 'Highlighted in “{{title}}”: {{line}}',
    noHighlights: 'This article has no highlights.',
    articleNoteSaved: 'Note of “{{title}}” saved.',
    noteSaved: 'Note saved: {{line}}',
    articleTags: 'Tags of “{{title}}”: {{tags}}',
    highlightTags: 'Tags: {{tags}}  {{line}}',
    thisComputer: 'This computer: {{id}}',
    lastWrote: 'last wrote {{at}}',
    wroteNothing: 'has written nothing yet',
    annotationsCount_one: 'Imported {{count, number}} annotation',
    annotationsCount_other: 'Imported {{count, number}} annotations',
    annotationsImported: '{{imported}}.',
    annotationsSkipped:
      '{{imported}}; skipped {{count, number}} (already in the library, or their article is not).',
    keepingFolder:
      "Keeping {{folder}} current with the library's highlights and notes. Press Ctrl+C to stop.",
    serving: 'Gloss is serving the library {{library}}\nOpen {{url}}\nPress Ctrl+C to stop.',
  },
  exportWords: {
    author: 'Author',
    published: 'Published',
    source: 'Source',
    link: 'Link',
    tags: 'Tags',
    note: 'Note',
    highlights: 'Highlights',
    openInGloss: 'Open in Gloss',
    page: 'p. {{page}}',
    areaOn: 'Area on p. {{page}}',
    noImage: {
      password: 'No image: the PDF is password-protected.',
      unreadable: 'No image: the PDF cannot be read.',
    },
    colour: 'Colour: {{colour}}',
    orphaned: 'Orphaned: not found in the current text',
    colourNames: {
      yellow: 'yellow',
      red: 'red',
      green: 'green',
      blue: 'blue',
      purple: 'purple',
      magenta: 'magenta',
      orange: 'orange',
      gray: 'gray',
    },
  },
};
