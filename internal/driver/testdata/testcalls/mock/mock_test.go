package mock

import (
	"net/http/httptest"
	"testing"
)

func TestFake(t *testing.T) {
	s := httptest.NewServer(FakeHandler())
	defer s.Close()
}
