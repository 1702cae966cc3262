// libxml2 built with ICU includes <unicode/ucnv.h> from encoding.h, whose enums clash
// with Foundation's bundled ICU in the same Swift module graph. sitegen never touches
// the encoding handler structs (only opaque pointers), so hide the ICU part.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
