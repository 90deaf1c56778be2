/** Tiếng Việt: lỗi theo mã, dòng lệnh và chữ trong tệp Markdown xuất ra. */
export const service = {
  errors: {
    'invalid-argument': 'Giá trị này không hợp lệ.',
    'unknown-method': 'Gloss không biết yêu cầu này.',
    'not-found': 'Mục này không còn trong thư viện.',
    conflict: 'Mục này vừa thay đổi ở nơi khác; hãy thử lại.',
    unsupported: 'Gloss không đọc được nội dung này.',
    'too-large': 'Nội dung quá lớn đối với Gloss.',
    'too-complex': 'Nội dung quá phức tạp đối với Gloss.',
    io: 'Không đọc hoặc ghi được tệp.',
    'disk-full': 'Ổ đĩa đã đầy: chưa lưu được gì.',
    damaged: 'Dữ liệu của thư viện bị hỏng.',
    locked: 'Một Gloss khác đang dùng thư viện này.',
    'newer-schema': 'Thư viện này do một phiên bản Gloss mới hơn ghi.',
    unauthorized: 'Trang này không còn kết nối được với Gloss.',
    forbidden: 'Gloss đã từ chối yêu cầu này.',
    internal: 'Đã có lỗi bên trong Gloss.',
    folderInBrowser:
      'Trình duyệt không chọn được thư mục cho Gloss. Hãy chạy gloss export --watch --out DIR một lần: từ đó Gloss luôn cập nhật thư mục DIR.',
    aboutFile: '“{{file}}”: {{reason}}',
    pdfPasswordNeeded: '“{{file}}” được bảo vệ bằng mật khẩu: hãy nhập mật khẩu để nhập tệp này.',
    pdfPasswordWrong: '“{{file}}”: mật khẩu này không mở được tệp.',
  },
  notices: {
    imported: 'Đã nhập “{{title}}”.',
    duplicate: '“{{name}}” đã có trong thư viện với tên “{{title}}”; không thêm gì.',
    reimportedSame: 'Đã nhập lại “{{title}}”; nội dung không đổi.',
    changedOnDisk: '“{{title}}” đã thay đổi trên đĩa; nội dung đã được cập nhật.',
    reanchored:
      '“{{title}}” đã thay đổi trên đĩa: đặt lại được {{placed, number}}/{{total, number}} đánh dấu.$t(notices.reanchoredMoved, {"count": {{moved}} })$t(notices.reanchoredFuzzy, {"count": {{fuzzy}} })$t(notices.reanchoredOrphaned, {"count": {{orphaned}} })',
    reanchoredMoved_zero: '',
    reanchoredMoved_other: ' {{count, number}} đánh dấu đã dời theo đoạn văn.',
    reanchoredFuzzy_zero: '',
    reanchoredFuzzy_other: ' {{count, number}} đánh dấu khớp gần đúng.',
    reanchoredOrphaned_zero: '',
    reanchoredOrphaned_other: ' {{count, number}} đánh dấu không tìm thấy, có trong bảng ghi chú.',
    changedUnreadable:
      '“{{title}}” đã thay đổi trên đĩa nhưng không đọc được ({{detail}}); Gloss giữ nội dung cũ.',
    invalidBytes_other: '{{count, number}} byte của “{{name}}” không phải UTF-8 hợp lệ và hiện thành �.',
    noTextLayer:
      'Tệp không có lớp chữ (tài liệu quét?): đánh dấu chữ, tìm trong bài và tìm kiếm đều cần có chữ.',
    highlightsImported:
      '“{{name}}” ({{format}}): {{anchored, number}} đánh dấu đã gắn vào bài trong thư viện, {{highlightsOnly, number}} chỉ giữ dạng đánh dấu, bỏ qua {{duplicates, number}} bản trùng, thêm {{notes, number}} ghi chú vào ghi chú của bài, bỏ qua {{ignored, number}} mục (dấu trang, trả lời hoặc mục trống).',
    missingRestored:
      'Thiếu tệp {{file}}. Gloss đã khôi phục nó từ bản sao lưu {{backup}}; các thay đổi sau bản sao lưu đó có thể đã mất.',
    missingLost:
      'Thiếu tệp {{file}} và không bản sao lưu nào trong {{dir}} hợp lệ. $t(notices.lost.{{lost}})',
    damagedRestored:
      'Gloss thấy tệp {{file}} bị hỏng ({{detail}}) và đã chuyển nó sang {{aside}}. Gloss đã khôi phục bản sao lưu {{backup}}; các thay đổi sau bản sao lưu đó có thể đã mất.',
    damagedLost:
      'Gloss thấy tệp {{file}} bị hỏng ({{detail}}) và đã chuyển nó sang {{aside}}. $t(notices.lost.{{lost}})',
    lost: {
      index:
        'Không có bản sao lưu hợp lệ nên Gloss dựng lại danh sách bài từ những gì thư viện còn giữ (đánh dấu và ghi chú trong .gloss/annotations, nội dung đã lưu đệm, các bản sao trong articles/).',
      content: 'Có thể dựng lại từ tệp gốc của bài.',
      highlights: 'Không có bản sao lưu hợp lệ nên bài đó bắt đầu lại không có đánh dấu hay ghi chú.',
    },
    backupUnverified:
      'Gloss không kiểm tra được bản sao lưu mới của tệp {{source}} tại {{file}}; Gloss giữ các bản sao lưu cũ hơn.',
    backupFailed: 'Gloss đã lưu tệp {{source}} nhưng không sao lưu được vào {{dir}}: {{detail}}.',
    journalUnreadable:
      'Gloss không đọc được {{count, number}} thay đổi gần đây của {{file}}. Gloss giữ mọi thay đổi đọc được và lưu một bản sao của tệp đó thành {{aside}}.',
    journalUnreadableKept:
      'Gloss không đọc được {{count, number}} thay đổi gần đây của {{file}} và không sao chép được tệp đó ra chỗ khác ({{detail}}); tệp được để nguyên.',
    saveRetrying: '$t(errors.{{code}}) Mọi thay đổi vẫn an toàn trong {{journal}}; Gloss sẽ thử lại vài lần.',
    readBackFailed:
      '$t(errors.{{code}}) Gloss cũng không đọc lại được {{file}} ({{detail}}); hãy mở lại thư viện trước khi thay đổi thêm.',
    otherProcess:
      'Một tiến trình Gloss khác đã thay đổi {{file}} trong lúc tiến trình này không theo dõi (chẳng hạn khi máy ngủ). Gloss giữ thay đổi của cả hai.',
    lockLost:
      'Một tiến trình khác đã giành quyền dùng thư viện {{library}}. Gloss ngừng lưu vào đó để không ghi đè thay đổi của tiến trình kia; hãy khởi động lại Gloss để tiếp tục.',
    debrisMoved_other:
      'Gloss thấy {{count, number}} tệp sót lại sau những lần lưu hoặc nhập bị gián đoạn (không bài nào dùng) và đã chuyển chúng sang {{target}}. Không có gì bị xóa; hãy xóa thư mục đó sau khi đã kiểm tra.',
    recordedUnreadable: 'Gloss không đọc được các thông báo để lại trong {{folder}}: {{detail}}',
    rebuilt:
      'Mục lục thư viện ({{file}}) và mọi bản sao lưu của nó đều bị thiếu hoặc hỏng, nên Gloss đã dựng lại từ các tệp trong thư viện: {{articles, number}} bài cùng {{highlights, number}} đánh dấu và ghi chú đã trở lại, và {{added, number}} tệp khác trong articles/ thành bài mới. Những gì chỉ mục lục giữ thì không khôi phục được: tiêu đề, tác giả và ngày bạn đã sửa trở về như đọc từ từng tệp, thẻ của bài và vị trí đang đọc đã mất, cài đặt trở về mặc định, và các bài đã xóa trong phiên trước có thể xuất hiện lại.',
    rebuiltCopies:
      'Bản sao của {{count, number}} bài bị thiếu; nội dung của chúng đã được lưu thành {{files}}.',
    rebuiltTextless:
      'Không hiện được {{count, number}} đánh dấu của {{articles, number}} bài đã mất cả nội dung lẫn bản sao; chúng vẫn nằm trong {{folder}} ({{files}}).',
    rebuiltUnreadable: 'Không đọc được các tệp sau nên chúng được để nguyên: {{files}}.',
    tidyFailed: 'Gloss không dọn dẹp được {{library}}: {{detail}}',
    otherIndexUnreadable:
      'Gloss không đọc được mục lục thư viện mà một máy khác ghi trong {{folder}} ({{detail}}); Gloss để nguyên và sẽ đọc lại khi nó thay đổi.',
    otherHighlightsUnreadable:
      'Gloss không đọc được đánh dấu của {{article}} mà một máy khác ghi trong {{folder}} ({{detail}}); Gloss sẽ đọc lại khi chúng thay đổi.',
    othersUnreadable: 'Gloss không đọc được những gì các máy khác đã ghi: {{detail}}',
    othersHighlightsUnreadable:
      'Gloss không đọc được đánh dấu mà một máy khác ghi trong {{folder}}: {{detail}}',
    conflictUnmerged: 'Gloss không gộp được bản xung đột {{file}}: {{detail}}; bản đó được để nguyên.',
    conflictsMerged_other:
      'Công cụ đồng bộ đã tạo {{count, number}} bản xung đột của các tệp Gloss. Gloss đã gộp từng bản ghi (không mất gì) và chuyển chúng sang {{aside}}.',
    articleNoteVersions:
      'Ghi chú của “{{title}}” đã được sửa trên hai máy cùng lúc. Gloss giữ cả hai phiên bản trong ghi chú, bản này nối tiếp bản kia; hãy sửa lại để giữ phần bạn muốn.',
    highlightNoteVersions:
      'Ghi chú của một đánh dấu trong “{{title}}” đã được sửa trên hai máy cùng lúc. Gloss giữ cả hai phiên bản trong ghi chú, bản này nối tiếp bản kia; hãy sửa lại để giữ phần bạn muốn.',
    exportFolderBack: 'Thư mục xuất {{folder}} đã được cập nhật trở lại.',
    exportFolderFailed:
      'Gloss không cập nhật được thư mục xuất {{folder}}: {{detail}} Gloss sẽ thử lại sau {{seconds, number}} giây và sau lần thay đổi tới.',
  },
  undo: {
    undid: 'Đã hoàn tác: {{what}}',
    redid: 'Đã làm lại: {{what}}',
    highlightAdded: 'thêm đánh dấu {{quote}}',
    highlightDeleted: 'xóa đánh dấu {{quote}}',
    highlightEdited: 'sửa đánh dấu {{quote}}',
    highlightRecoloured: 'đổi màu đánh dấu {{quote}}',
    noteEdited: 'sửa ghi chú của {{quote}}',
    tagsChanged: 'đổi thẻ của {{quote}}',
    tagMerged: 'gộp thẻ “{{from}}” vào “{{to}}”',
    tagRenamed: 'đổi tên thẻ “{{from}}” thành “{{to}}”',
    tagDeleted: 'xóa thẻ “{{name}}”',
  },
  cliHelp: {
    title: 'gloss — đọc và chú thích bài viết trên máy, không cần mạng',
    usage: 'Cách dùng: gloss [--library DIR] [--json] <lệnh> [đối số]',
    commands: 'Các lệnh:',
    options: 'Tùy chọn (mọi lệnh):',
    help: 'Hiện trợ giúp này',
    library: 'Thư mục thư viện (mặc định: GLOSS_LIBRARY, nếu không thì thư mục dữ liệu của ứng dụng)',
    json: 'Kết quả cho máy đọc',
    version: 'In phiên bản',
    badArguments: '{{message}}\nChạy "gloss --help" để xem cách dùng.',
    unknownCommand: 'không có lệnh "{{name}}". Chạy "gloss --help" để xem danh sách.',
    search: 'Tìm trong tiêu đề, nội dung, đánh dấu, ghi chú và thẻ',
    open: 'Giải một liên kết gloss:// (bài, đánh dấu, vị trí) và in nơi nó dẫn tới',
    serve: 'Phục vụ ứng dụng trên 127.0.0.1 (cùng cổng như lần trước) và in địa chỉ để mở',
    highlight: 'Đánh dấu một trích đoạn',
    annotations: 'Liệt kê các đánh dấu của một bài cùng ghi chú và thẻ',
    note: 'Đặt ghi chú cho một bài hoặc một đánh dấu ("" để xóa)',
    tag: 'Thêm hoặc bỏ thẻ của một bài hoặc một đánh dấu',
    export: 'Xuất ghi chú; export --watch --out DIR luôn cập nhật thư mục DIR',
    'import-annotations':
      'Nhập chú thích từ một tệp Web Annotation JSON (như lệnh export ghi ra), hoặc đánh dấu của trình đọc khác',
    import:
      'Nhập tệp (bài viết, hoặc đánh dấu của trình đọc khác); "-" đọc từ đầu vào chuẩn; PDF có mật khẩu được mở bằng PW, hoặc hỏi mật khẩu trên terminal',
    list: 'Liệt kê các bài trong thư viện',
    show: 'Hiện thông tin và nội dung của một bài',
    rm: 'Xóa một bài cùng các đánh dấu của nó',
    'sync-status': 'Hiện các máy đang giữ thư viện này (thư mục đồng bộ) và lần ghi cuối của từng máy',
  },
  cli: {
    error: 'gloss: {{message}}',
    empty: 'Thư viện còn trống.',
    listLine_other: '{{id}}  {{title}}{{byline}}  ({{count, number}} đánh dấu)',
    importStep: '[{{at, number}}/{{total, number}}] {{message}}',
    importFailed: 'Không nhập được {{failed, number}}/{{total, number}} tệp.',
    importNone: 'Hãy nêu ít nhất một tệp để nhập.',
    passwordAsk: 'Mật khẩu của “{{file}}”: ',
    passwordAgain: 'Mật khẩu đó không mở được “{{file}}”. Mật khẩu: ',
    passwordNoTerminal:
      '“{{file}}” được bảo vệ bằng mật khẩu: hãy đưa mật khẩu bằng --password (đầu vào chuẩn không phải là thiết bị đầu cuối để hỏi).',
    deleted: 'Đã xóa “{{title}}”.',
    showTitle: 'Tiêu đề:',
    showAuthor: 'Tác giả:',
    showPublished: 'Xuất bản:',
    showFile: 'Tệp:',
    showWords: 'Số từ:',
    showTags: 'Thẻ:',
    showPages: 'Số trang:',
    exported_other: 'Đã xuất {{count, number}} tệp vào {{target}}',
    noMatches: 'Không tìm thấy {{query}}.',
    hits_other: '{{count, number}} kết quả',
    articles_other: '{{count, number}} bài',
    searchTotal: 'Tổng cộng {{hits}}; hiện {{articles}} ({{ms, number}} ms)',
    more: '… thêm {{count, number}} kết quả',
    noteExtra: 'ghi chú: {{note}}',
    notPlaced: ' (chưa đặt được)',
    highlighted: 'Đã đánh dấu trong “{{title}}”: {{line}}',
    noHighlights: 'Bài này chưa có đánh dấu nào.',
    articleNoteSaved: 'Đã lưu ghi chú của “{{title}}”.',
    noteSaved: 'Đã lưu ghi chú: {{line}}',
    articleTags: 'Thẻ của “{{title}}”: {{tags}}',
    highlightTags: 'Thẻ: {{tags}}  {{line}}',
    thisComputer: 'Máy này: {{id}}',
    lastWrote: 'ghi lần cuối lúc {{at}}',
    wroteNothing: 'chưa ghi gì',
    annotationsCount_other: 'Đã nhập {{count, number}} chú thích',
    annotationsImported: '{{imported}}.',
    annotationsSkipped:
      '{{imported}}; bỏ qua {{count, number}} (đã có trong thư viện, hoặc bài của chúng không có).',
    keepingFolder:
      'Đang giữ {{folder}} luôn khớp với các đánh dấu và ghi chú của thư viện. Nhấn Ctrl+C để dừng.',
    serving: 'Gloss đang phục vụ thư viện {{library}}\nMở {{url}}\nNhấn Ctrl+C để dừng.',
  },
  exportWords: {
    author: 'Tác giả',
    published: 'Xuất bản',
    source: 'Nguồn',
    link: 'Liên kết',
    tags: 'Thẻ',
    note: 'Ghi chú',
    highlights: 'Đánh dấu',
    openInGloss: 'Mở trong Gloss',
    page: 'tr. {{page}}',
    areaOn: 'Vùng ở tr. {{page}}',
    noImage: {
      password: 'Không có ảnh: tệp PDF được bảo vệ bằng mật khẩu.',
      unreadable: 'Không có ảnh: không đọc được tệp PDF.',
    },
    colour: 'Màu: {{colour}}',
    orphaned: 'Lạc chỗ: không còn thấy trong nội dung hiện tại',
    colourNames: {
      yellow: 'vàng',
      red: 'đỏ',
      green: 'xanh lá',
      blue: 'xanh dương',
      purple: 'tím',
      magenta: 'hồng tím',
      orange: 'cam',
      gray: 'xám',
    },
  },
};
