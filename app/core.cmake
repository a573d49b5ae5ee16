# Owned by the document-layer work.
list(APPEND CAUSEWAY_APPCORE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/document.h
  ${CMAKE_CURRENT_SOURCE_DIR}/document.cpp
)
