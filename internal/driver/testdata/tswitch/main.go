// Command tswitch serves events and publishes them, a method per kind.
package main

import (
	"database/sql"
	"net/http"
	"os"
	"strconv"
	"strings"

	"example.com/tswitch/events"
	"example.com/tswitch/marshal"
	"example.com/tswitch/publish"
)

func main() {
	db, _ := sql.Open("postgres", "")
	marshal.DB = db
	p := &publish.Publisher{URLs: strings.Split(os.Getenv("ENDPOINTS"), ","), DB: db}
	http.HandleFunc("POST /ack", func(w http.ResponseWriter, r *http.Request) {
		p.ServeAck(r.FormValue("id"))
	})
	http.HandleFunc("POST /uplink", func(w http.ResponseWriter, r *http.Request) {
		p.ServeUplink(r.URL.Query()["gateway"])
	})
	http.HandleFunc("POST /events", func(w http.ResponseWriter, r *http.Request) {
		// The endpoints a request subscribes: the publisher's list is
		// data, not only what start-up configured.
		p.URLs = append(p.URLs, r.URL.Query()["subscribe"]...)
		switch r.FormValue("kind") {
		case "ack":
			p.Ack(events.Ack{ID: r.FormValue("id")})
		case "status":
			b, _ := strconv.Atoi(r.FormValue("battery"))
			p.Status(events.Status{Battery: b})
		case "up":
			p.Uplink(events.Uplink{Gateways: r.URL.Query()["gateway"]})
		case "location":
			p.Location(events.Location{GatewayID: r.FormValue("gateway")})
		case "retry":
			p.Retry(events.Ack{ID: r.FormValue("id")})
		case "wrap":
			p.Wrap(events.Ack{ID: r.FormValue("id")})
		default:
			p.Relay(decode(r))
		}
	})
	http.ListenAndServe(":8080", nil)
}

// decode is the event a request names, of any kind.
func decode(r *http.Request) events.Message {
	if r.FormValue("kind") == "up" {
		return &events.Uplink{Gateways: r.URL.Query()["gateway"]}
	}
	return &events.Ack{ID: r.FormValue("id")}
}
