"""One-to-one matching: pair rows with columns for the largest total score.

Used by the splitter (headlines to bodies) and by the scorer (predicted to gold articles).
"""

from __future__ import annotations


def assign(sim: list[list[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairing of rows and columns with the largest total similarity.

    Every row or every column (whichever are fewer) is paired, even at similarity 0, as
    the scorer needs. Hungarian algorithm with potentials, O(n²m): a page has a few dozen
    articles at most.

    >>> assign([[0.9, 0.8], [0.85, 0.1]])
    [(0, 1), (1, 0)]
    >>> assign([[0.2], [0.7], [0.1]]), assign([])
    ([(1, 0)], [])
    """
    if not sim or not sim[0]:
        return []
    rows, cols = len(sim), len(sim[0])
    if rows > cols:
        return sorted((i, j) for j, i in assign([list(c) for c in zip(*sim, strict=True)]))
    cost = [[-s for s in row] for row in sim]
    # 1-based arrays; column 0 is the virtual start of each augmenting path
    u, v = [0.0] * (rows + 1), [0.0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0], j0 = i, 0
        slack, used = [float("inf")] * (cols + 1), [False] * (cols + 1)
        while owner[j0]:
            used[j0] = True
            i0, delta, j1 = owner[j0], float("inf"), 0
            for j in range(1, cols + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < slack[j]:
                    slack[j], way[j] = reduced, j0
                if slack[j] < delta:
                    delta, j1 = slack[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            j0 = j1
        while j0:  # flip the augmenting path
            owner[j0] = owner[way[j0]]
            j0 = way[j0]
    return sorted((owner[j] - 1, j - 1) for j in range(1, cols + 1) if owner[j])
