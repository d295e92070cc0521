# policykg with its Neo4j extra: builds a corpus and pushes it (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY policykg ./policykg
COPY ontology ./ontology
COPY extract ./extract
COPY graph ./graph
COPY samples ./samples
RUN pip install --no-cache-dir '.[neo4j]'
CMD ["policykg", "--help"]
