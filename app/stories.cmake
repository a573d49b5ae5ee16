# Owned by the stories work (issue 10, item 6): authoring stories in the editor (the Stories
# panel) and what a story shows click by click when presentation plays it.
list(APPEND CAUSEWAY_APPUI_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/stories/storydeck.h
  ${CMAKE_CURRENT_SOURCE_DIR}/stories/storydeck.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stories/storiespanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/stories/storiespanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stories/storiespaneledits.cpp
)
