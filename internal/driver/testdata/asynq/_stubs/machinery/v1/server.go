// Package machinery is a stub of RichardKnop/machinery's server API.
package machinery

// Server keeps the task functions its workers run, by name.
type Server struct{}

func (s *Server) RegisterTasks(namedTaskFuncs map[string]interface{}) error { panic("stub") }
func (s *Server) RegisterTask(name string, taskFunc interface{}) error      { panic("stub") }

// Worker consumes the server's queue, running the registered functions.
type Worker struct{}

func (s *Server) NewWorker(consumerTag string, concurrency int) *Worker { panic("stub") }
func (w *Worker) Launch() error                                         { panic("stub") }
