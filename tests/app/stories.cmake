# Owned by the stories work (issue 10, item 6): the Stories panel and stories played in
# presentation, driven by keys (offscreen when discovered; under Xvfb at 1024x768 as stories_gui).
add_executable(test_stories
  ${CMAKE_CURRENT_LIST_DIR}/storydeck_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stories_gui_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stories_main.cpp
)
target_link_libraries(test_stories PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_stories PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_STORY_MAP="${PROJECT_SOURCE_DIR}/tests/data/app/peer-nsp-story.causeway")
gtest_discover_tests(test_stories DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)
find_program(CAUSEWAY_STORIES_XVFB_RUN xvfb-run)
if(CAUSEWAY_STORIES_XVFB_RUN)
  add_test(NAME stories_gui
    COMMAND ${CAUSEWAY_STORIES_XVFB_RUN} -a -s "-screen 0 1024x768x24" $<TARGET_FILE:test_stories>)
endif()
target_compile_options(test_stories PRIVATE -Wno-missing-field-initializers)
