# Help (guide, About), File > Open Sample and File > Print: the package's side of the editor.
# help/help.qrc (the window icon) is built into the causeway program itself (app/CMakeLists.txt).
set(CAUSEWAY_HELP_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/help/helppaths.h
  ${CMAKE_CURRENT_SOURCE_DIR}/help/helppaths.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/help/aboutbox.h
  ${CMAKE_CURRENT_SOURCE_DIR}/help/aboutbox.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/help/helpmenu.h
  ${CMAKE_CURRENT_SOURCE_DIR}/help/helpmenu.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/print/printmenu.h
  ${CMAKE_CURRENT_SOURCE_DIR}/print/printmenu.cpp
)
list(APPEND CAUSEWAY_APPUI_SOURCES ${CAUSEWAY_HELP_SOURCES})
