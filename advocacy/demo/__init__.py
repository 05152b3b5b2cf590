"""Demo data: clearly fictional chapters, people, meetings, letters — and taking it out again.

One workflow per module:
- demo                 Demo data: plausible, clearly fictional chapters, people, meetings, positions and …
- demo_letters         Demo reader letters in every state of the pipeline, and an argument bank.
- demo_removal         Taking the demo data out of a database that has gone into real use (`remove-demo`), …
"""
