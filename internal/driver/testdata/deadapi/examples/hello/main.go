// Command hello is an example beside the service's own command: the
// module still builds a program.
package main

func main() { println("hello") }
