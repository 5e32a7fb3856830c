#include <iostream>
int main() { std::cout << "conduct " CONDUCT_VERSION "\n"; }
