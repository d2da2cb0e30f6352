def base(request):
    return {}
