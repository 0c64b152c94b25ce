// Command seed is a maintainer's tool.
package main

func main() { println("seed") }
