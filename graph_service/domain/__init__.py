"""The household graph's models and the rules every input must meet before it is stored."""
