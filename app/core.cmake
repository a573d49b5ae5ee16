# Owned by the document-layer work.
list(APPEND CAUSEWAY_APPCORE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/document.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/documentedits.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/mapcommand.h
  ${CMAKE_CURRENT_SOURCE_DIR}/mapcommand.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/autosave.h
  ${CMAKE_CURRENT_SOURCE_DIR}/autosave.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/clipboard.h
  ${CMAKE_CURRENT_SOURCE_DIR}/clipboard.cpp
)

# Qt 6.4's moc, fed the compiler's predefined macros, fails on libstdc++'s <concepts>
# ("Parse error at std") as soon as a header includes <compare> (model/ids.h does). Without them
# moc skips those headers. Set here, before app/CMakeLists.txt creates the targets, so it covers
# both causeway_appcore and causeway_appui.
set(CMAKE_AUTOMOC_COMPILER_PREDEFINES OFF)
