# Tashawur: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install messages migrate demo clean bench

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

messages: $(STAMP)
	$(PY) -m tashawur.cli compile_translations

migrate: messages
	$(PY) -m tashawur.cli migrate --no-input
	$(PY) -m tashawur.cli createcachetable

demo: migrate
	$(PY) -m tashawur.cli loaddemo
	$(PY) -m tashawur.cli ensure_secretariat

run: demo
	@echo "Serving Tashawur on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) -m tashawur.documents.devserver $(HOST):$(PORT)  # runserver + the task worker (stops with it)

test: messages
	@$(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure here"; exit 1; fi; \
	exit $$status

bench: messages  # time the compiled report of 10,000 responses through the task worker (not a test)
	$(PY) docs/render_documents.py bench --responses 10000

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
