# Owned by the document-layer work.
list(APPEND CAUSEWAY_APPCORE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/document/document.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document/document.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/document/documentedits.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/document/mapcommand.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document/mapcommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/document/autosave.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document/autosave.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/document/clipboard.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document/clipboard.cpp
)

# Qt 6.4's moc, fed the compiler's predefined macros, fails on libstdc++'s <concepts>
# ("Parse error at std") as soon as a header includes <compare> (model/ids.h does). Without them
# moc skips those headers. Set here, before app/CMakeLists.txt creates the targets, so it covers
# both causeway_appcore and causeway_appui.
set(CMAKE_AUTOMOC_COMPILER_PREDEFINES OFF)
