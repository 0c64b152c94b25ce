// Command gen writes the store's generated code.
package main

func main() { println("gen") }
