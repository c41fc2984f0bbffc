from django.shortcuts import render


def register_list(request):
    return render(request, "home.html")
