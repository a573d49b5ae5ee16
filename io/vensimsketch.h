#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Private to io/importvensim.cpp: the records of a Vensim sketch section (after "\\\---///"):
//   10,id,name,x,y,w,h,shape,bits,...        variables (bits & 1 clear: a ghost copy)
//   11,id,glyph,x,y,...                      valves; the flow variable's record follows
//   12,id,glyph,x,y,w,h,shape,bits,...       comments and clouds (bits & 4: text on next line)
//   1,id,from,to,shape,hid,pol,thick,hasf,dtype,...   arrows; pol is the polarity's char code
// Sketches saved before Vensim 3 (header V160) write "|id,name,x,y,w,h,shape,..." for variables
// (shape 0) and comments, and ">from,to,shape,hid,pol,..." for arrows; they are read into the
// same records.
namespace causeway::vensim {

struct SketchRecord {
    int type = 0; // 1 arrow, 10 variable, 11 valve, 12 comment
    int id = 0;
    std::string name; // variables: the name; comments: the text
    double x = 0, y = 0;
    std::vector<int> numbers; // fields from the 5th on (arrows: from the 3rd), 0 when absent
    std::size_t line = 0;
    int field(std::size_t i) const { return i < numbers.size() ? numbers[i] : 0; }
};

struct SketchView {
    std::vector<SketchRecord> records;
};

struct Sketch {
    std::vector<SketchView> views;
    bool legacy = false; // a V160 sketch
    bool closed = false; // ended by its "///---\\\" line (a truncated file has none)
};

// The sketch starting at `marker` (the offset of its first "\\\---///" line) in `text`. Throws
// IoError naming the line for a record too short or with a position that is not a number.
Sketch parseSketch(std::string_view text, std::size_t marker);

// A variable's label: quotes removed, Vensim's escaped line breaks ("\n") as spaces.
std::string labelOf(const SketchRecord& record);

} // namespace causeway::vensim
