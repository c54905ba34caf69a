pragma ComponentBehavior: Bound
import QtQuick

// A list of choices shown a page at a time: as many whole choices as fit in the room it is
// given (in one or two columns), then "More choices (2 of 3)" and "Previous" below them. Never
// half a tile, never scrolling (ACCESSIBILITY, "Nothing essential below the fold"). Give it the
// room that is left on the screen (Layout.fillHeight) and a model and delegate as a Repeater.
// An item with `continues` (true: it goes on from the item above it) and `headed` shows its
// heading only when it begins a page (in one column).
Item {
    id: pager

    property alias model: repeater.model
    property alias delegate: repeater.delegate
    property int maxColumns: 2
    // two columns when each is still about 20 letters wide at the current size (and ≥ 15 cm)
    readonly property int columns: columnsFor(width)
    // the narrowest a column may be: room for a choice's words and its second line
    property real minColumnWidth: Math.max(Theme.mm(150), Theme.fontBody * 11)
    function columnsFor(across: real): int {
        return Math.max(1, Math.min(maxColumns, Math.floor((across + spacing)
                        / (minColumnWidth + spacing))))
    }
    property int minRows: 2 // fewer rows than this on a page: the choices show their words only
    property bool compactable: true // false: descriptions are essential (a review's answers)
    property bool ofChoices: true // false: the items are things to read ("More", not "More choices")
    property int spacing: Theme.gap * 2
    property int page: 0
    property int pageCount: 1
    readonly property int count: repeater.count
    readonly property bool hasMore: page < pageCount - 1
    // a page of one row at least, however small the room
    // its least need: one row, with "Previous" / "More" under it or beside it (see relayout)
    // the list beside them keeps at least this width (a board's rows: narrower, each row would
    // take more lines than Previous / More under the list do)
    property real sideListMin: 0
    readonly property bool canSideNav: width >= Theme.mm(200)
                                       && width - nav.sideWidth - spacing >= sideListMin
    implicitHeight: need
    implicitWidth: Theme.targetMain
    property real firstRow: 0
    property bool sideNav: false // "Previous" and "More" beside the list, not under it
    // set with the layout, not bound: the label's size must not feed back into the layout
    property string moreText: ""
    property var pageOf: [] // the page each item is on
    signal pageShown

    function itemAt(index: int): Item {
        return repeater.itemAt(index)
    }

    function showPage(n: int): void {
        page = Math.max(0, Math.min(pageCount - 1, n))
        relayout()
        updateMoreText()
        pageShown()
    }

    // Show the page that holds item `index` (e.g. the selected choice when a screen opens).
    function reveal(index: int): void {
        if (index >= 0 && index < pageOf.length && pageOf[index] !== page)
            showPage(pageOf[index])
    }

    function schedule(): void {
        layoutTimer.restart()
    }

    // Rows of `columns` items; a row is as tall as its tallest item; rows go onto pages while
    // they fit. The navigation row takes its room only when there is more than one page.
    // When fewer than `minRows` rows would fit on a page with their descriptions (a large text
    // size, a small panel), the choices show their words only ("compact"): more of them at once.
    // When not even one row fits above "Previous" / "More", those go beside the list instead.
    // The pager asks for the least room either way needs (`need`), so what it is given never
    // depends on the way it chose.
    function relayout(): void {
        const bottomRoom = height - spacing - nav.bottomHeight
        const full = arrange(width, bottomRoom)
        if (full === null)
            return // not built yet: the next itemAdded lays out again
        const needFull = full.length > 1 ? full[0].height + spacing + nav.bottomHeight
                                         : (full.length > 0 ? full[0].height : 0)
        let needSide = Infinity
        if (canSideNav && full.length > 1) {
            const side = arrange(width - nav.sideWidth - spacing, height)
            needSide = Math.max(side[0].height, 2 * Theme.targetMain + spacing)
        }
        need = Math.min(needFull, needSide)
        sideNav = needFull > height + 0.5 && needSide <= Math.max(height, needFull)
        const rows = sideNav ? arrange(width - nav.sideWidth - spacing, height)
                             : arrange(width, full.length > 1 ? bottomRoom : height)
        firstRow = rows.length > 0 ? rows[0].height : 0
        place(rows)
        laidOut = signature()
    }
    property real need: 0

    // What the layout depends on; measuring itself changes the items' heights and asks for
    // another layout, which is skipped when nothing else changed.
    property string laidOut: ""
    function signature(): string {
        const parts = [width, height, columns, repeater.count]
        for (let i = 0; i < repeater.count; ++i) {
            const item = repeater.itemAt(i)
            parts.push(item ? item.implicitHeight : -1)
        }
        return parts.join(",")
    }

    function arrange(across: real, room: real): var {
        let rows = measure(false, across)
        if (rows === null)
            return null
        let fit = 0
        for (let used = 0; fit < Math.min(minRows, rows.length); ++fit) {
            used += (fit > 0 ? spacing : 0) + rows[fit].height
            if (used > room + 0.5)
                break
        }
        if (compactable && fit < Math.min(minRows, rows.length))
            rows = measure(true, across)
        return rows
    }

    function measure(compact: bool, across: real): var {
        const n = repeater.count
        const cols = columnsFor(across)
        const itemWidth = (across - (cols - 1) * spacing) / cols
        const rows = []
        for (let i = 0; i < n; i += cols) {
            let tallest = 0
            for (let j = i; j < Math.min(n, i + cols); ++j) {
                const item = repeater.itemAt(j)
                if (!item)
                    return null
                item.visible = true // a hidden Text does not lay out its lines: it would mismeasure
                item.width = itemWidth
                if ("compact" in item)
                    item.compact = compact
                tallest = Math.max(tallest, item.implicitHeight)
            }
            // an item that goes on from the one above it: its height without its heading too,
            // for when it does not begin a page
            const item = repeater.itemAt(i)
            let under = null
            if (cols === 1 && item.continues === true && "headed" in item) {
                item.headed = false
                under = item.implicitHeight
                item.headed = true
            }
            rows.push({ first: i, last: Math.min(n, i + cols) - 1, height: tallest, under: under })
        }
        return rows
    }

    function place(rows: var): void {
        const across = sideNav ? width - nav.sideWidth - spacing : width
        const cols = columnsFor(across)
        const itemWidth = (across - (cols - 1) * spacing) / cols
        const paginate = room => {
            const pages = [[]]
            let used = 0
            for (const row of rows) {
                const going = pages[pages.length - 1].length > 0
                const need = going ? spacing + (row.under ?? row.height) : row.height
                if (used + need > room + 0.5 && going) {
                    pages.push([row])
                    used = row.height
                } else {
                    pages[pages.length - 1].push(row)
                    used += need
                }
            }
            return pages
        }
        let pages = paginate(height)
        if (pages.length > 1 && !sideNav)
            pages = paginate(height - spacing - nav.bottomHeight)
        pageCount = Math.max(1, pages.length)
        if (page > pageCount - 1)
            page = pageCount - 1
        const where = []
        for (let p = 0; p < pages.length; ++p) {
            let y = 0
            for (let r = 0; r < pages[p].length; ++r) {
                const row = pages[p][r]
                const headless = r > 0 && row.under !== null // its heading is on this page
                const height = headless ? row.under : row.height
                if (row.under !== null)
                    repeater.itemAt(row.first).headed = !headless
                for (let j = row.first; j <= row.last; ++j) {
                    const item = repeater.itemAt(j)
                    item.x = (j - row.first) * (itemWidth + spacing)
                    item.y = y
                    item.height = height // a row's tiles line up
                    where[j] = p
                    item.visible = p === page
                }
                y += height + spacing
            }
        }
        pageOf = where
        updateMoreText()
    }

    function updateMoreText(): void {
        //: %1 is the page it shows, %2 how many pages of choices there are; the short form
        //: is used beside a list, or under it when the long one would take two lines
        const short = qsTr("More (%1 of %2)").arg(page + 2).arg(pageCount)
        const long = qsTr("More choices (%1 of %2)").arg(page + 2).arg(pageCount)
        // beside the list its button has one line's height: a label wider than that line
        // gives way to the frame's own "Down"
        const besideFits = metrics.advanceWidth(short) <= nav.sideWidth - 2 * Theme.padding
        moreText = sideNav ? (besideFits ? short : qsTr("Down"))
                 : !ofChoices || nav.linesFor(long) > 1 ? short : long
    }

    // what the screen shows changed: the voice says the choices now shown
    onPageShown: {
        for (let p = parent; p; p = p.parent) {
            if (p instanceof KScreen) {
                (p as KScreen).refreshChoices()
                return
            }
        }
    }
    onWidthChanged: schedule()
    onHeightChanged: schedule()
    onColumnsChanged: schedule()

    Timer { // after the bindings of a change have settled; it goes with the pager
        id: layoutTimer
        interval: 0
        onTriggered: {
            if (pager.signature() === pager.laidOut)
                return
            pager.relayout()
            pager.pageShown()
        }
    }

    Repeater {
        id: repeater
        onItemAdded: (index, item) => {
            pager.laidOut = "" // a new item is placed even when the list measures as before
            item.visible = false
            pager.laidOut = "" // a new item (a new model): it must be placed whatever else holds
            item.implicitHeightChanged.connect(pager.schedule)
            pager.schedule()
        }
        onItemRemoved: pager.schedule()
    }

    Item { // "Previous" and "More choices (2 of 3)", always in the same places: under the list
        // (Previous left, More right) or, when there is no room under it, beside it (More below)
        id: nav
        // one line of chrome text beside the arrow, or, without the arrow, two or three when
        // the label is wider than half the list (never from the buttons' own heights: their
        // size must not feed back into themselves)
        readonly property real lineHeight: Math.ceil(Theme.fontChrome * 1.4)
        readonly property int lines: linesFor(pager.moreText)
        function linesFor(label: string): int {
            const room = (pager.width - pager.spacing) / 2 - 2 * Theme.padding
            const wide = metrics.advanceWidth(label)
            if (wide + Theme.iconRoom(Theme.fontChrome) <= room)
                return 1
            return wide <= room * 1.8 ? 2 : 3 // words wrap whole: not quite twice the room
        }
        readonly property real bottomHeight: Math.max(Theme.targetMain,
                                                      lines * lineHeight + 2 * Theme.chromePad)
        readonly property real sideWidth: Math.max(Theme.mm(60), pager.width * 0.34)
        readonly property real half: pager.sideNav ? (height - pager.spacing) / 2
                                                   : (width - pager.spacing) / 2
        x: pager.sideNav ? pager.width - width : 0
        y: pager.sideNav ? 0 : pager.height - height
        width: pager.sideNav ? sideWidth : pager.width
        height: pager.sideNav ? pager.height : bottomHeight
        visible: pager.pageCount > 1

        FontMetrics {
            id: metrics
            font.pixelSize: Theme.fontChrome
            font.bold: true
        }
        KButton {
            id: previous
            objectName: "pagerPrevious"
            icon.name: pager.sideNav ? "" : "up" // beside the list there is room for words only
            width: pager.sideNav ? nav.width : nav.half
            height: pager.sideNav ? nav.half : nav.height
            enabled: pager.page > 0
            fontSize: Theme.fontChrome
            //: Shows the choices before these
            text: qsTr("Previous")
            onActivated: pager.showPage(pager.page - 1)
        }
        KButton {
            id: more
            objectName: "pagerMore"
            icon.name: pager.sideNav || nav.lines > 1 ? "" : "down" // its words first
            x: pager.sideNav ? 0 : nav.half + pager.spacing
            y: pager.sideNav ? nav.half + pager.spacing : 0
            width: pager.sideNav ? nav.width : nav.half
            height: pager.sideNav ? nav.half : nav.height
            enabled: pager.hasMore
            fontSize: Theme.fontChrome
            text: pager.moreText
            onActivated: pager.showPage(pager.page + 1)
        }
    }
}
