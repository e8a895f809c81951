import sys

from app.cli import main

if __name__ == "__main__":  # not again in an import's reading process (spawned on Windows)
    sys.exit(main())
