package dev.anneal.api.asktell;

import tools.jackson.databind.JsonNode;

/** A trial for the client to evaluate: tell its value to {@code .../trials/{number}/tell}. */
record AskResponse(int number, JsonNode params) {}
