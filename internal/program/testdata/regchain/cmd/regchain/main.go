package main

import "example.com/regchain/chain"

func main() { println(chain.Top()) }
