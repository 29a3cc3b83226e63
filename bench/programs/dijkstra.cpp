#include <bits/stdc++.h>
using namespace std;

struct Edge { int to; long long w; };

class Graph {
 public:
  explicit Graph(int n) : adj_(n) {}
  void add(int a, int b, long long w) { adj_[a].push_back({b, w}); adj_[b].push_back({a, w}); }
  vector<long long> dijkstra(int source) const {
    vector<long long> dist(adj_.size(), LLONG_MAX);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> heap;
    dist[source] = 0;
    heap.push({0, source});
    while (!heap.empty()) {
      auto [d, u] = heap.top();
      heap.pop();
      if (d > dist[u]) continue;
      for (const Edge& e : adj_[u]) {
        if (dist[u] + e.w < dist[e.to]) {
          dist[e.to] = dist[u] + e.w;
          heap.push({dist[e.to], e.to});
        }
      }
    }
    return dist;
  }
 private:
  vector<vector<Edge>> adj_;
};

string describe(const vector<long long>& dist) {
  ostringstream out;
  for (size_t i = 0; i < dist.size(); i++) out << i << ":" << dist[i] << (i + 1 < dist.size() ? " " : "");
  return out.str();
}

int main() {
  int n = 6;
  Graph g(n);
  vector<tuple<int, int, long long>> edges = {{0, 1, 7}, {0, 2, 9}, {0, 5, 14}, {1, 2, 10}, {1, 3, 15}, {2, 3, 11}, {2, 5, 2}, {3, 4, 6}, {4, 5, 9}};
  for (auto [a, b, w] : edges) g.add(a, b, w);
  map<string, int> counts;
  for (string word : {"a", "b", "a"}) counts[word]++;
  unordered_set<int> seen{1, 2, 3};
  cout << describe(g.dijkstra(0)) << "\n";
  cout << counts["a"] << " " << seen.size() << "\n";
  try { vector<int> v(2); cout << v.at(5); } catch (const out_of_range& e) { cout << "caught " << e.what() << "\n"; }
  return 0;
}
