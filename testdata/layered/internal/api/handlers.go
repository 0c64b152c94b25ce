package api

import (
	"encoding/json"
	"net/http"
)

func (h *Handler) listProjects(w http.ResponseWriter, r *http.Request) {
	ps, err := h.projects.List(r.Context(), userID(r.Context()))
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, ps)
}

func (h *Handler) createProject(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Name string `json:"name"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Name == "" {
		http.Error(w, "a project needs a name", http.StatusBadRequest)
		return
	}
	id, err := h.projects.Create(r.Context(), userID(r.Context()), req.Name)
	if err != nil {
		h.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusCreated)
	h.writeJSON(w, map[string]int64{"id": id})
}

func (h *Handler) getProject(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad project id", http.StatusBadRequest)
		return
	}
	d, err := h.projects.Get(r.Context(), id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, d)
}

func (h *Handler) board(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad project id", http.StatusBadRequest)
		return
	}
	b, err := h.projects.Board(r.Context(), id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, b)
}

func (h *Handler) purgeDone(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad project id", http.StatusBadRequest)
		return
	}
	n, err := h.projects.PurgeDone(r.Context(), id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, map[string]int{"deleted": n})
}

func (h *Handler) myTasks(w http.ResponseWriter, r *http.Request) {
	ts, err := h.projects.Assigned(r.Context(), userID(r.Context()))
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, ts)
}

func (h *Handler) getTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad task id", http.StatusBadRequest)
		return
	}
	t, err := h.projects.Task(r.Context(), id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, t)
}

func (h *Handler) labelTask(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad task id", http.StatusBadRequest)
		return
	}
	var req struct {
		Labels []string `json:"labels"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request body", http.StatusBadRequest)
		return
	}
	if err := h.projects.LabelTask(r.Context(), id, req.Labels); err != nil {
		h.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) taskComments(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad task id", http.StatusBadRequest)
		return
	}
	cs, err := h.projects.Comments(r.Context(), id)
	if err != nil {
		h.fail(w, err)
		return
	}
	h.writeJSON(w, cs)
}
