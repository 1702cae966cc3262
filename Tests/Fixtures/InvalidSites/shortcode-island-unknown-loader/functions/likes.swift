// The loader the island in content/post.md misspells.
import SitegenHTML
import SitegenServer

func likes(_ arguments: Object) throws(FunctionError) -> Value {
    ["count": .int(0)]
}
