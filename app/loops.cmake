# Owned by the loop explorer and analysis work (issue 4): loops panel, background loop search,
# loop names on the canvas, analysis panel, Analysis menu.
list(APPEND CAUSEWAY_APPUI_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/loopjob.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loopjob.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/looplistmodel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/looplistmodel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/canvasemphasis.h
  ${CMAKE_CURRENT_SOURCE_DIR}/canvasemphasis.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/looplabelitem.h
  ${CMAKE_CURRENT_SOURCE_DIR}/looplabelitem.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/looplabelslist.h
  ${CMAKE_CURRENT_SOURCE_DIR}/looplabelslist.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loopoverview.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loopoverview.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loopspanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loopspanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/metricsmodel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/metricsmodel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysispanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/analysispanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysisdocks.h
  ${CMAKE_CURRENT_SOURCE_DIR}/analysisdocks.cpp
)
