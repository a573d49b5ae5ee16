# Owned by the presentation work (issue 10): room theme contrast, walkthrough captions and the
# presentation driven by keys (offscreen when discovered; under Xvfb at 1024x768 as present_gui).
add_executable(test_present
  ${CMAKE_CURRENT_LIST_DIR}/present_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/present_gui_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/presenter_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/present_room_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/turnscreen_test.cpp
  ${PROJECT_SOURCE_DIR}/tests/layout/maps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/present_main.cpp
)
target_link_libraries(test_present PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_present PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
gtest_discover_tests(test_present DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)
find_program(CAUSEWAY_PRESENT_XVFB_RUN xvfb-run)
if(CAUSEWAY_PRESENT_XVFB_RUN)
  add_test(NAME present_gui
    COMMAND ${CAUSEWAY_PRESENT_XVFB_RUN} -a -s "-screen 0 1024x768x24" $<TARGET_FILE:test_present>)
endif()
target_compile_options(test_present PRIVATE -Wno-missing-field-initializers)
# The presenter view with two screens (laptop and projector): Qt's offscreen platform reads the
# screen list from a JSON file (keys of Qt 6.4's qoffscreenintegration.cpp: name, x, y, width,
# height, logicalDpi, logicalBaseDpi, dpr). Xvfb's two X screens appear to Qt as one.
add_test(NAME present_two_screens
  COMMAND test_present --gtest_filter=Presenter.*)
set_tests_properties(present_two_screens PROPERTIES TIMEOUT 120 ENVIRONMENT
  "QT_QPA_PLATFORM=offscreen:configfile=${PROJECT_SOURCE_DIR}/tests/data/app/two-screens.json")
