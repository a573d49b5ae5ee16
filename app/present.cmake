# Owned by the presentation work (issue 10): presentation mode, focus view, loop walkthrough,
# legend and the room theme.
list(APPEND CAUSEWAY_APPUI_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/present/roomtheme.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/roomtheme.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/roomarrangement.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/roomarrangement.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/walkthrough.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/walkthrough.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/legend.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/legend.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentationview.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentationview.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentationoverlay.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentationarrange.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentaction.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentaction.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentshot.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presentshot.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presenterconsole.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/presenterconsole.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/present/turnscreen.h
  ${CMAKE_CURRENT_SOURCE_DIR}/present/turnscreen.cpp
)
