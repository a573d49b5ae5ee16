# Owned by the widgets work: canvas tests (offscreen, sharing the document tests' main) and the
# GUI smoke test (a real window).
add_executable(test_appui
  ${CMAKE_CURRENT_LIST_DIR}/appcore_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/canvasscene_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/textmetrics_qt_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exportmenu_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/firstlayout_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recentmaps_test.cpp
  ${PROJECT_SOURCE_DIR}/tests/layout/maps.cpp
)
target_link_libraries(test_appui PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_appui PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
gtest_discover_tests(test_appui DISCOVERY_MODE PRE_TEST)

# The smoke test drives a real MainWindow with QTest: under Xvfb when xvfb-run is installed,
# else on the offscreen platform.
add_executable(test_gui_smoke ${CMAKE_CURRENT_LIST_DIR}/gui_smoke_test.cpp ${PROJECT_SOURCE_DIR}/tests/layout/maps.cpp)
target_link_libraries(test_gui_smoke PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_gui_smoke PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
find_program(CAUSEWAY_XVFB_RUN xvfb-run)
if(CAUSEWAY_XVFB_RUN)
  add_test(NAME gui_smoke
    COMMAND ${CAUSEWAY_XVFB_RUN} -a -s "-screen 0 1280x800x24" $<TARGET_FILE:test_gui_smoke>)
else()
  add_test(NAME gui_smoke COMMAND test_gui_smoke)
  set_tests_properties(gui_smoke PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endif()

# The window, the results and the dialogs on a 1024x768 projector screen (offscreen, one screen
# of that size; settings in a temporary folder).
add_executable(test_screenfit
  ${CMAKE_CURRENT_LIST_DIR}/screenfit_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/windowlayout_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roomresults_test.cpp
)
target_link_libraries(test_screenfit PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_screenfit PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
gtest_discover_tests(test_screenfit DISCOVERY_MODE PRE_TEST)
