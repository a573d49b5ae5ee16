# Owned by the monitoring work (issue 15, item 4): indicator data import, the monitoring plan and
# indicator edits, the Monitor panel (sparklines and paired series with Qt Charts), the verdict
# marks on the canvas and the "How did the map hold up?" sequence in presentation.
find_package(Qt6 REQUIRED COMPONENTS Charts)
list(APPEND CAUSEWAY_APPUI_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitordata.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitordata.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitoredits.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitoredits.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/indicatordialog.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/indicatordialog.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/seriescharts.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/seriescharts.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitorpanel.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitorpanel.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/verdictmarks.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/verdictmarks.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/holdupsequence.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/holdupsequence.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitordock.h
  ${CMAKE_CURRENT_SOURCE_DIR}/monitor/monitordock.cpp
)
set(CAUSEWAY_APPUI_EXTRA_LIBS ${CAUSEWAY_APPUI_EXTRA_LIBS} causeway_monitor Qt6::Charts)
