// test_monitorui's main: a real display (Xvfb) when there is one, offscreen otherwise.
#include "guitestmain.h"

int main(int argc, char** argv)
{
    return causeway::test::runWindowTests(argc, argv, "monitorui");
}
