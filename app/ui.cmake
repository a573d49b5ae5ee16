# Owned by the widgets work. Add canvas, items, main window, panels here.
list(APPEND CAUSEWAY_APPUI_SOURCES
)
