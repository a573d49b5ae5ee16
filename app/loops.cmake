# Owned by the loop explorer and analysis work (issue 4): loops panel, background loop search,
# loop names on the canvas, analysis panel, Analysis menu.
list(APPEND CAUSEWAY_APPUI_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopjob.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopjob.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/looplistmodel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/looplistmodel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/canvas/canvasemphasis.h
  ${CMAKE_CURRENT_SOURCE_DIR}/canvas/canvasemphasis.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/canvas/looplabelitem.h
  ${CMAKE_CURRENT_SOURCE_DIR}/canvas/looplabelitem.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/looplabelslist.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/looplabelslist.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopoverview.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopoverview.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopspanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/loopspanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/nameloopdialog.h
  ${CMAKE_CURRENT_SOURCE_DIR}/loops/nameloopdialog.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/metricsmodel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/metricsmodel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/analysispanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/analysispanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/analysisdocks.h
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/analysisdocks.cpp
)
